// `npm run security`: Electronegativity over the sources, then Starboard's own
// checks for what it cannot see (Electron checklist items 2-4, 6, 8-10, 17,
// 18 and 20 as source rules). A high or medium finding fails unless
// allow-list.json explains it with a reason that names the test proving the
// point; an allow-list entry that no longer matches anything fails too, so the
// list cannot rot. `npm audit --omit=dev` is printed as a report only.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const allowList = JSON.parse(readFileSync(join(root, 'test/security/allow-list.json'), 'utf8'));

/** Splits one CSV line of Electronegativity's report (quoted fields may hold commas). */
export function csvFields(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      fields.push(field.trim());
      field = '';
    } else {
      field += c;
    }
  }
  fields.push(field.trim());
  return fields;
}

function electronegativity() {
  const dir = mkdtempSync(join(tmpdir(), 'starboard-eneg-'));
  const out = join(dir, 'report.csv');
  try {
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/@doyensec/electronegativity/dist/index.js'),
        '-i',
        join(root, 'src'),
        '-o',
        out,
        '-e',
        electronVersion,
        '-r',
        '-v',
        'false',
      ],
      { encoding: 'utf8', cwd: root },
    );
    if (run.status !== 0) throw new Error(`electronegativity failed:\n${run.stdout}\n${run.stderr}`);
    return readFileSync(out, 'utf8')
      .split('\n')
      .slice(1)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const [check, severity, confidence, file, location, sample] = csvFields(line);
        return { source: 'electronegativity', check, severity, confidence, file, location, sample };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx|html)$/.test(name) ? [path] : [];
  });
}

/** Starboard's own rules: each a pattern that must not appear (or must appear only where named). */
const rules = [
  { check: 'NODE_INTEGRATION_ON', item: 2, pattern: /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/ },
  { check: 'CONTEXT_ISOLATION_OFF', item: 3, pattern: /contextIsolation\s*:\s*false/ },
  { check: 'SANDBOX_OFF', item: 4, pattern: /sandbox\s*:\s*false|--no-sandbox/ },
  { check: 'WEB_SECURITY_OFF', item: 6, pattern: /webSecurity\s*:\s*false/ },
  { check: 'INSECURE_CONTENT', item: 8, pattern: /allowRunningInsecureContent\s*:\s*true/ },
  { check: 'EXPERIMENTAL_FEATURES', item: 9, pattern: /experimentalFeatures\s*:\s*true/ },
  { check: 'BLINK_FEATURES', item: 10, pattern: /enableBlinkFeatures/ },
  { check: 'WEBVIEW_TAG', item: 11, pattern: /webviewTag\s*:\s*true|<webview/ },
  // 17: only the IPC module (which checks every sender) may register handlers.
  { check: 'IPC_OUTSIDE_GATE', item: 17, pattern: /ipcMain\.(handle|on)\(/, except: ['src/main/shell/ipc.ts'] },
  // 18: the renderer comes from app://, never file://.
  { check: 'FILE_PROTOCOL', item: 18, pattern: /loadFile\(|['"`]file:\/\//, except: [] },
  // 20: the preload never forwards the environment or the raw IPC event.
  { check: 'PRELOAD_ENV', item: 20, pattern: /process\.env/, only: 'src/preload/' },
  { check: 'PRELOAD_RAW_EVENT', item: 20, pattern: /ipcRenderer\.on\([^)]*listener\)/, only: 'src/preload/' },
  // Every window is made with the one set of secure preferences.
  {
    check: 'WINDOW_WITHOUT_SECURE_PREFERENCES',
    item: 4,
    pattern: /new BrowserWindow\(/,
    unless: /secureWebPreferences|mainWindowOptions|reviewWindowOptions/,
  },
];

function ownChecks() {
  const findings = [];
  for (const path of sourceFiles(join(root, 'src'))) {
    const file = relative(root, path);
    const lines = readFileSync(path, 'utf8').split('\n');
    const text = lines.join('\n');
    for (const rule of rules) {
      if (rule.only && !file.startsWith(rule.only)) continue;
      if (rule.except?.includes(file)) continue;
      lines.forEach((line, index) => {
        // Comments may name what they forbid.
        if (/^\s*(\/\/|\*|\/\*)/.test(line) || !rule.pattern.test(line)) return;
        if (rule.unless && rule.unless.test(text)) return;
        findings.push({
          source: 'starboard',
          check: rule.check,
          severity: 'HIGH',
          confidence: 'CERTAIN',
          file: file.replace(/^src\//, ''),
          location: `${index + 1}:0`,
          sample: line.trim().slice(0, 160),
          item: rule.item,
        });
      });
    }
  }
  return findings;
}

const matches = (entry, finding) =>
  entry.check === finding.check && (entry.file === undefined || entry.file === finding.file);

const findings = [...electronegativity(), ...ownChecks()];
const serious = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
const unexplained = serious.filter((f) => !allowList.some((entry) => matches(entry, f)));
const stale = allowList.filter((entry) => !serious.some((f) => matches(entry, f)));

console.log(`security scan: Electronegativity (Electron ${electronVersion}) and ${rules.length} source rules`);
console.log(
  `  ${findings.length} findings, ${serious.length} high or medium, ${serious.length - unexplained.length} explained by the allow-list`,
);
for (const f of serious) {
  const entry = allowList.find((e) => matches(e, f));
  console.log(`  ${entry ? 'allowed ' : 'FAILED  '} ${f.severity.padEnd(6)} ${f.check} ${f.file}:${f.location}`);
  if (entry) console.log(`           because ${entry.reason}`);
}
for (const entry of stale)
  console.log(`  STALE    allow-list entry ${entry.check} ${entry.file ?? '(any file)'} matches nothing`);

console.log('\nnpm audit --omit=dev (report only):');
try {
  console.log(
    execFileSync('npm', ['audit', '--omit=dev'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      stdio: 'pipe',
    }).trim(),
  );
} catch (error) {
  // npm audit exits non-zero when it finds something, and when the registry has no advisory endpoint (a mirror).
  const said = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim() || error.message;
  console.log(said.split('\n').slice(-15).join('\n'));
}

if (unexplained.length > 0 || stale.length > 0) {
  console.error(
    `\nsecurity scan failed: ${unexplained.length} unexplained finding(s), ${stale.length} stale allow-list entr(y/ies)`,
  );
  process.exit(1);
}
