// Text from a provider that is shown as a label (a run's title, a step's
// name): one line, with no terminal escape sequence or control character, so
// a commit message carrying an OSC-8 link or a clear-screen code shows as the
// words it holds. Logs keep their escapes: the log viewer renders them.

// ESC followed by a CSI (ESC [ … final byte), an OSC/DCS/APC/PM/SOS string (ended by BEL or ESC \), or one more character.
const escapeSequence =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /\u001b(?:\[[0-?]*[ -/]*[@-~]|[\]PX^_][\s\S]*?(?:\u0007|\u001b\\|$)|[\s\S]?)|\u009b[0-?]*[ -/]*[@-~]|\u009d[\s\S]*?(?:\u0007|\u009c|$)/g;
// eslint-disable-next-line no-control-regex -- as above
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/g;

/** The text as one plain line: escapes dropped, other control characters and line breaks made spaces. */
export function plainLabel(text: string): string {
  return text.replace(escapeSequence, '').replace(controlCharacter, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Multi-line text (a log tail) with its escapes dropped and its lines kept. */
export function plainLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(escapeSequence, '').replace(controlCharacter, ''))
    .join('\n');
}
