// The settings file in the desktop app: electron-store, over the same schema
// and file that browser mode opens with conf.
import ElectronStore from 'electron-store';
import type { StoreFile } from '../../shared/model';
import type { JsonFileStoreFactory } from '../hub/settings-store';

export const electronStoreFactory: JsonFileStoreFactory = (options) =>
  new ElectronStore<StoreFile>({ ...options, configFileMode: 0o600, clearInvalidConfig: false });
