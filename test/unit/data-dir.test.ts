import { describe, expect, it } from 'vitest';
import { defaultUserDataDir, resolveDataDir } from '../../src/main/hub/data-dir';

describe('the data folder', () => {
  const base = { home: '/home/dev', cwd: '/work' };

  it('uses STARBOARD_HOME when set, made absolute', () => {
    expect(resolveDataDir({ ...base, platform: 'linux', env: { STARBOARD_HOME: '/data/sb' } })).toBe('/data/sb');
    expect(resolveDataDir({ ...base, platform: 'linux', env: { STARBOARD_HOME: 'rel' } })).toBe('/work/rel');
  });

  it('falls back to the folder Electron uses for userData', () => {
    expect(defaultUserDataDir({ home: '/home/dev', platform: 'linux', env: {} })).toBe('/home/dev/.config/Starboard');
    expect(defaultUserDataDir({ home: '/home/dev', platform: 'linux', env: { XDG_CONFIG_HOME: '/x' } })).toBe(
      '/x/Starboard',
    );
    expect(defaultUserDataDir({ home: '/Users/dev', platform: 'darwin', env: {} })).toBe(
      '/Users/dev/Library/Application Support/Starboard',
    );
    expect(defaultUserDataDir({ home: 'C:\\Users\\dev', platform: 'win32', env: { APPDATA: 'C:\\AppData' } })).toMatch(
      /^C:\\AppData.Starboard$/,
    );
  });

  it('ignores an empty STARBOARD_HOME', () => {
    expect(resolveDataDir({ ...base, platform: 'linux', env: { STARBOARD_HOME: '  ' } })).toBe(
      '/home/dev/.config/Starboard',
    );
  });
});
