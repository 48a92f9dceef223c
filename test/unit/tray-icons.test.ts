// The tray icon set in resources/tray is what tray-art.ts draws (regenerate
// with STARBOARD_UPDATE_ICONS=1 npx vitest run test/unit/tray-icons.test.ts),
// the states differ in shape and not only in colour, and a contact sheet of
// the whole set is saved to test-results/ for a person to look at.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trayStates } from '../../src/main/hub/desktop/tray-state';
import { contactSheet, decodePng, encodeIco, encodePng, iconFiles, renderIcon } from '../../src/main/shell/tray-art';

const dir = join(import.meta.dirname, '../../resources/tray');
const update = process.env['STARBOARD_UPDATE_ICONS'] === '1';

if (update) {
  mkdirSync(dir, { recursive: true });
  for (const state of trayStates) {
    for (const { file, size, template } of iconFiles(state)) {
      writeFileSync(join(dir, file), encodePng(renderIcon(state, size, template)));
    }
    writeFileSync(
      join(dir, `tray-${state}.ico`),
      encodeIco([renderIcon(state, 16, false), renderIcon(state, 32, false)]),
    );
  }
}

describe('the tray icon set', () => {
  it.each(trayStates)('%s: the committed PNGs are what the code draws', (state) => {
    for (const { file, size, template } of iconFiles(state)) {
      const committed = decodePng(readFileSync(join(dir, file)));
      const drawn = renderIcon(state, size, template);
      expect({ file, width: committed.width, height: committed.height }).toEqual({ file, width: size, height: size });
      expect(Buffer.from(committed.pixels).equals(Buffer.from(drawn.pixels)), file).toBe(true);
    }
  });

  it.each(trayStates)('%s: a Windows .ico with the 16 and 32 pixel images', (state) => {
    const ico = readFileSync(join(dir, `tray-${state}.ico`));
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBe(2);
    expect([ico[6], ico[22]]).toEqual([16, 32]);
    const offset = ico.readUInt32LE(6 + 12);
    const length = ico.readUInt32LE(6 + 8);
    expect(decodePng(ico.subarray(offset, offset + length)).pixels).toEqual(renderIcon(state, 16, false).pixels);
  });

  it('tells every state apart by shape alone (the template masks differ)', () => {
    const masks = trayStates.map((state) => renderIcon(state, 16, true).pixels);
    for (let a = 0; a < masks.length; a++) {
      for (let b = a + 1; b < masks.length; b++) {
        let differing = 0;
        for (let i = 3; i < 16 * 16 * 4; i += 4) {
          if (Math.abs((masks[a]?.[i] ?? 0) - (masks[b]?.[i] ?? 0)) > 128) differing++;
        }
        // At least 20 of the 256 pixels flip between any two states (a check and a cross differ by about 25).
        expect(differing, `${trayStates[a]} vs ${trayStates[b]}`).toBeGreaterThanOrEqual(20);
      }
    }
  });

  it('is legible at 16 px: each glyph covers a fair part of the square, and stays inside it', () => {
    for (const state of trayStates) {
      const { pixels } = renderIcon(state, 16, true);
      let ink = 0;
      for (let i = 3; i < pixels.length; i += 4) ink += (pixels[i] ?? 0) / 255;
      expect(ink, state).toBeGreaterThan(35);
      expect(ink, state).toBeLessThan(220);
    }
  });

  it('saves a contact sheet to test-results/', () => {
    mkdirSync('test-results', { recursive: true });
    const sheet = contactSheet(trayStates);
    writeFileSync('test-results/tray-icons.png', encodePng(sheet));
    expect(existsSync('test-results/tray-icons.png')).toBe(true);
    expect(decodePng(readFileSync('test-results/tray-icons.png')).width).toBe(sheet.width);
  });
});
