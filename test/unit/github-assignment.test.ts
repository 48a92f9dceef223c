// Which GitHub account watches each repository a project holds.
import { describe, expect, it } from 'vitest';
import { assignRepositories } from '../../src/main/hub/live/github-assignment';

const plan = (map: Map<string, string[]>) => Object.fromEntries(map);

describe('assignRepositories', () => {
  it('gives the first account every repository nobody chose', () => {
    const accounts = [{ id: 'work' }, { id: 'home', repositories: [] }];
    expect(plan(assignRepositories(['acme/api', 'acme/web'], accounts))).toEqual({
      work: ['acme/api', 'acme/web'],
      home: [],
    });
  });

  it('gives a repository to the account that chose it', () => {
    const accounts = [{ id: 'work' }, { id: 'home', repositories: ['acme/web'] }];
    expect(plan(assignRepositories(['acme/api', 'acme/web'], accounts))).toEqual({
      work: ['acme/api'],
      home: ['acme/web'],
    });
  });

  it('compares names without case, keeping the name the project uses', () => {
    const accounts = [{ id: 'work' }, { id: 'home', repositories: ['ACME/Web'] }];
    expect(plan(assignRepositories(['acme/web'], accounts))).toEqual({ work: [], home: ['acme/web'] });
  });

  it('gives a repository two accounts chose to the first of them in order', () => {
    const accounts = [
      { id: 'work' },
      { id: 'home', repositories: ['acme/web'] },
      { id: 'bot', repositories: ['acme/web'] },
    ];
    expect(plan(assignRepositories(['acme/web'], accounts))).toEqual({ work: [], home: ['acme/web'], bot: [] });
  });

  it('ignores choices of repositories no project holds, and has nothing to give without accounts', () => {
    expect(plan(assignRepositories([], [{ id: 'work', repositories: ['acme/web'] }]))).toEqual({ work: [] });
    expect(plan(assignRepositories(['acme/web'], []))).toEqual({});
  });
});
