// The text the `hostile` scenario puts wherever AWS or GitHub carry free
// text: markup that would run script if it were ever parsed as HTML,
// template syntax that a template engine would evaluate, and terminal
// escapes (colours, a clear-screen, an OSC-8 hyperlink, an OSC-52 clipboard
// write). The browser test reads the same constants to check they stay text.

const esc = '\u001b';
const bel = '\u0007';

/** Where an OSC-8 hyperlink in the hostile logs points: no page may ever link to it. */
export const evilHost = 'evil.example';

export const hostile = {
  /** Runs script through an error handler if parsed as HTML; sets window.__pwned. */
  img: '<img src=x onerror="window.__pwned=1">',
  script: '<script>window.__pwned=2</script>',
  svg: '<svg onload="window.__pwned=3"></svg>',
  anchor: '<a href="javascript:window.__pwned=4">click</a>',
  /** Evaluated by Angular/Vue/Handlebars/JS template literals, Ruby and ERB; must stay literal (never 49). */
  template: '{{7*7}} ${7*7} #{7*7} <%= 7*7 %>',
  /** A link that is only a link to a terminal; the visible words are "click me". */
  osc8: `${esc}]8;;https://${evilHost}/phish${bel}click me${esc}]8;;${bel}`,
  /** Clear the screen, home the cursor, write the clipboard (OSC 52), then colour. */
  terminal: `${esc}[2J${esc}[Hcleared ${esc}]52;c;ZXZpbA==${bel}clip ${esc}[31mred${esc}[0m`,
  /** A link target that is script, for fields that hold URLs. */
  javascriptUrl: 'javascript:window.__pwned=5',
} as const;

/** One line holding every markup and template payload, for fields that are a single line of free text. */
export const hostileLine = `${hostile.img} ${hostile.script} ${hostile.template}`;

/** The literal text a page shows for the OSC-8 and terminal payloads once their escapes are stripped. */
export const strippedTerminalText = { osc8: 'click me', terminal: 'cleared clip red' } as const;
