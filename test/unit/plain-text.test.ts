import { describe, expect, it } from 'vitest';
import { plainLabel, plainLines } from '../../src/shared/plain-text';

describe('plain text from providers', () => {
  it('drops terminal escapes from a label and keeps the words', () => {
    expect(plainLabel('\u001b]8;;https://evil.example/phish\u0007click me\u001b]8;;\u0007 now')).toBe('click me now');
    expect(plainLabel('\u001b[2J\u001b[Hdeploy \u001b[31mred\u001b[0m')).toBe('deploy red');
    expect(plainLabel('fix: thing\n\nlong body\twith tab')).toBe('fix: thing long body with tab');
    expect(plainLabel('bell\u0007 and \u009b31mC1\u009b0m')).toBe('bell and C1');
    expect(plainLabel('<img src=x onerror=alert(1)> {{7*7}}')).toBe('<img src=x onerror=alert(1)> {{7*7}}');
    expect(plainLabel('unterminated \u001b]8;;https://evil.example')).toBe('unterminated');
  });

  it('keeps the lines of a log tail', () => {
    expect(plainLines('one \u001b[32mok\u001b[0m\r\ntwo\u001b]52;c;ZXZpbA==\u0007\nthree')).toBe('one ok\ntwo\nthree');
  });
});
