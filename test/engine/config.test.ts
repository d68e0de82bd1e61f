/** Configuration files: where they are found, how they merge, and how broken ones are reported without stopping the lint. */
import assert from 'node:assert/strict';
import { ConfigLoader, parseConfigText, ruleIds, type LoadedConfig } from 'tactful-server';
import { FRONT, TEST_RULE_ID, findingsFor, linesFor, slices, tempTree } from './support.js';

const PROMISE = `${FRONT}We will send it right away.\n`;

function load(files: Record<string, string>, macro: string): LoadedConfig & { root: string } {
  const tree = tempTree(files);
  try {
    const loaded = new ConfigLoader({ knownRules: ruleIds, stopAt: tree.root }).forFile(tree.path(macro));
    // Report file names relative to the temp root, so assertions read well.
    const rel = (file: string) => file.slice(tree.root.length + 1).replace(/\\/g, '/');
    return {
      ...loaded,
      root: tree.root,
      errors: loaded.errors.map((e) => ({ ...e, file: rel(e.file) })),
      ...(loaded.file ? { file: rel(loaded.file) } : {}),
      config: { ...loaded.config, files: loaded.config.files.map(rel) },
    };
  } finally {
    tree.cleanup();
  }
}

/** no-overpromise severity of PROMISE under `config`, or 'none'. */
function promiseSeverity(loaded: LoadedConfig): string {
  const findings = findingsFor(PROMISE, ['no-overpromise'], loaded.config);
  return findings[0]?.severity ?? 'none';
}

describe('engine: configuration', () => {
  it('no configuration file: defaults', () => {
    const loaded = load({ 'macros/a.macro.md': '' }, 'macros/a.macro.md');
    assert.equal(loaded.file, undefined);
    assert.deepEqual(loaded.errors, []);
    assert.equal(loaded.config.platform, 'generic');
    assert.equal(promiseSeverity(loaded), 'warning');
  });

  it("the nearest .tactful.yaml wins over a parent's", () => {
    const loaded = load({
      '.tactful.yaml': 'platform: zendesk\nrules:\n  no-overpromise: error\n',
      'team/.tactful.yaml': 'rules:\n  no-overpromise: info\n',
      'team/macros/a.macro.md': '',
    }, 'team/macros/a.macro.md');
    assert.equal(loaded.file, 'team/.tactful.yaml');
    assert.equal(promiseSeverity(loaded), 'info');
    // Without `extends`, the parent's settings do not leak in.
    assert.equal(loaded.config.platform, 'generic');
  });

  it('extends a parent file by relative path and overrides one rule', () => {
    const loaded = load({
      '.tactful.yaml': 'platform: zendesk\nrules:\n  no-overpromise: error\n  unknown-placeholder: off\n',
      'team/.tactful.yaml': 'extends: ../.tactful.yaml\nrules:\n  no-overpromise: hint\n',
      'team/a.macro.md': '',
    }, 'team/a.macro.md');
    assert.deepEqual(loaded.errors, []);
    assert.equal(promiseSeverity(loaded), 'hint');
    assert.equal(loaded.config.platform, 'zendesk');
    assert.deepEqual(findingsFor(`${FRONT}Hi {{nope}}.\n`, ['unknown-placeholder'], loaded.config), []);
    assert.deepEqual(loaded.config.files, ['.tactful.yaml', 'team/.tactful.yaml']);
  });

  it('a chain of extends resolves each path from the file that names it', () => {
    const loaded = load({
      'shared/base.yaml': 'platform: helpscout\nrules:\n  unknown-placeholder: off\n',
      '.tactful.yaml': 'extends: ./shared/base.yaml\nrules:\n  no-overpromise: error\n',
      'team/.tactful.yaml': 'extends: ../.tactful.yaml\nrules:\n  no-overpromise: info\n',
      'team/a.macro.md': '',
    }, 'team/a.macro.md');
    assert.deepEqual(loaded.errors, []);
    assert.equal(loaded.config.platform, 'helpscout');
    assert.equal(promiseSeverity(loaded), 'info');
    assert.deepEqual(loaded.config.files, ['shared/base.yaml', '.tactful.yaml', 'team/.tactful.yaml']);
  });

  it('.tactful.json works', () => {
    const loaded = load({ '.tactful.json': '{ "platform": "intercom", "rules": { "no-overpromise": "error" } }', 'a.macro.md': '' }, 'a.macro.md');
    assert.equal(loaded.file, '.tactful.json');
    assert.deepEqual(loaded.errors, []);
    assert.equal(loaded.config.platform, 'intercom');
    assert.equal(promiseSeverity(loaded), 'error');
  });

  describe('extends cycles', () => {
    it('a file that extends itself: error naming the file and `extends`; its own settings still apply', () => {
      const loaded = load({ '.tactful.yaml': 'extends: ./.tactful.yaml\nrules:\n  no-overpromise: error\n', 'a.macro.md': '' }, 'a.macro.md');
      assert.equal(loaded.errors.length, 1);
      assert.equal(loaded.errors[0]!.file, '.tactful.yaml');
      assert.equal(loaded.errors[0]!.key, 'extends');
      assert.match(loaded.errors[0]!.message, /cycle/);
      assert.equal(promiseSeverity(loaded), 'error');
    });

    it('two files extending each other: one error, both files apply, linting continues', () => {
      const loaded = load({
        'a/.tactful.yaml': 'extends: ../b/.tactful.yaml\nrules:\n  no-overpromise: error\n',
        'b/.tactful.yaml': 'extends: ../a/.tactful.yaml\nplatform: intercom\n',
        'a/x.macro.md': '',
      }, 'a/x.macro.md');
      assert.equal(loaded.errors.length, 1);
      assert.equal(loaded.errors[0]!.key, 'extends');
      assert.ok(['a/.tactful.yaml', 'b/.tactful.yaml'].includes(loaded.errors[0]!.file));
      assert.equal(loaded.config.platform, 'intercom');
      assert.equal(promiseSeverity(loaded), 'error');
    });
  });

  it('extends a file that does not exist: error on `extends`, the rest applies', () => {
    const loaded = load({ '.tactful.yaml': 'extends: ./missing.yaml\nplatform: front\n', 'a.macro.md': '' }, 'a.macro.md');
    assert.deepEqual(loaded.errors.map((e) => [e.file, e.key]), [['.tactful.yaml', 'extends']]);
    assert.equal(loaded.config.platform, 'front');
  });

  it('broken YAML: one error naming the file, defaults used', () => {
    const loaded = load({ '.tactful.yaml': 'platform: zendesk\nrules: [\n  no-overpromise: off\n', 'a.macro.md': '' }, 'a.macro.md');
    assert.equal(loaded.errors.length, 1);
    assert.equal(loaded.errors[0]!.file, '.tactful.yaml');
    assert.equal(loaded.errors[0]!.key, '');
    assert.match(loaded.errors[0]!.message, /YAML/);
    assert.equal(loaded.config.platform, 'generic');
    assert.equal(promiseSeverity(loaded), 'warning');
  });

  it('broken JSON: one error that says JSON', () => {
    const loaded = load({ '.tactful.json': '{ "rules": { "no-overpromise": "off" ', 'a.macro.md': '' }, 'a.macro.md');
    assert.equal(loaded.errors.length, 1);
    assert.match(loaded.errors[0]!.message, /JSON/);
    assert.equal(promiseSeverity(loaded), 'warning');
  });

  it('an alias bomb in a configuration file is an error, not a hang', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++) levels.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]`);
    const parsed = parseConfigText(levels.join('\n') + '\n', '.tactful.yaml', ruleIds);
    assert.equal(parsed.errors.length, 1);
    assert.deepEqual(parsed.config, {});
  });

  it('an unknown rule id in `rules`: error with did-you-mean on `rules.<id>`', () => {
    const text = 'rules:\n  no-overpromse: off\n';
    const parsed = parseConfigText(text, '.tactful.yaml', ruleIds);
    assert.equal(parsed.errors.length, 1);
    assert.equal(parsed.errors[0]!.key, 'rules.no-overpromse');
    assert.match(parsed.errors[0]!.message, /did you mean "no-overpromise"/);
    const range = parsed.errors[0]!.range!;
    assert.equal(text.slice(range.start, range.end), 'no-overpromse');
  });

  it('a wrong type (`no-overpromise: loud`): error on `rules.no-overpromise`, other settings of the file still apply', () => {
    const loaded = load({
      '.tactful.yaml': 'platform: zendesk\nrules:\n  no-overpromise: loud\n  unknown-placeholder: off\n',
      'a.macro.md': '',
    }, 'a.macro.md');
    assert.deepEqual(loaded.errors.map((e) => [e.file, e.key]), [['.tactful.yaml', 'rules.no-overpromise']]);
    assert.match(loaded.errors[0]!.message, /off, error, warning, info, hint/);
    assert.equal(loaded.config.platform, 'zendesk');
    assert.equal(promiseSeverity(loaded), 'warning', 'the broken setting falls back to the default');
    assert.deepEqual(findingsFor(`${FRONT}Hi {{nope}}.\n`, ['unknown-placeholder'], loaded.config), []);
  });

  it('an unknown top-level key is an error with did-you-mean', () => {
    const parsed = parseConfigText('platfrom: zendesk\nrules:\n  no-overpromise: error\n', '.tactful.yaml', ruleIds);
    assert.deepEqual(parsed.errors.map((e) => e.key), ['platfrom']);
    assert.match(parsed.errors[0]!.message, /did you mean "platform"/);
    const range = parsed.errors[0]!.range!;
    assert.equal('platfrom: zendesk'.slice(range.start, range.end), 'platfrom');
    assert.deepEqual(parsed.config.rules, { 'no-overpromise': 'error' });
  });

  describe('phrases', () => {
    const layer = {
      phrases: {
        'no-overpromise': [
          { match: 'per our records', replace: ['our records show'] },
          { match: 'a.*b', replace: ['that'] },
        ],
      },
    };

    it('team phrases fire with their `replace` rewrite as the fix', () => {
      const text = `${FRONT}Per our records, the parcel left on Monday.\n`;
      const findings = findingsFor(text, ['no-overpromise'], layer);
      assert.deepEqual(slices(text, findings), ['Per our records']);
      assert.deepEqual(findings[0]!.suggestions.map((s) => s.edit.text), ['Our records show']);
    });

    it('a phrase is literal text, not a pattern', () => {
      const text = `${FRONT}Take axxb or ab, not a.*b.\n`;
      assert.deepEqual(slices(text, findingsFor(text, ['no-overpromise'], layer)), ['a.*b']);
    });

    it('phrases read from a file apply', () => {
      const loaded = load({
        '.tactful.yaml': 'phrases:\n  no-overpromise:\n    - match: "per our records"\n      replace: ["our records show"]\n',
        'a.macro.md': '',
      }, 'a.macro.md');
      const text = `${FRONT}Per our records, the parcel left.\n`;
      assert.deepEqual(slices(text, findingsFor(text, ['no-overpromise'], loaded.config)), ['Per our records']);
    });
  });

  it('`rules: {no-overpromise: off}` turns the rule off', () => {
    assert.deepEqual(linesFor(PROMISE, ['no-overpromise'], { rules: { 'no-overpromise': 'off' } }), []);
    assert.deepEqual(linesFor(PROMISE, ['no-overpromise'], { rules: { 'no-overpromise': { severity: 'off' } } }), []);
  });

  it('the wrong-type error points at the value in the file', () => {
    const text = 'rules:\n  no-overpromise: loud\n';
    const [error] = parseConfigText(text, '.tactful.yaml', ruleIds).errors;
    assert.equal(text.slice(error!.range!.start, error!.range!.end), 'loud');
  });

  it('the directive reports can be turned off like any rule', () => {
    const text = `${FRONT}<!-- tactful-disable-next-line no-overpromis -->\n<!-- tactful-disable-next-line no-overpromise -->\nAll good.\n`;
    assert.equal(findingsFor(text, ['unknown-rule', 'unused-directive']).length, 2);
    assert.deepEqual(findingsFor(text, ['unknown-rule', 'unused-directive'], { rules: { 'unknown-rule': 'off', 'unused-directive': 'off' } }), []);
  });

  it('a severity override changes the severity', () => {
    assert.deepEqual(linesFor(PROMISE, ['no-overpromise'], { rules: { 'no-overpromise': 'error' } }), ['4:17-4:27 error no-overpromise "right away"']);
    assert.deepEqual(linesFor(PROMISE, ['no-overpromise'], { rules: { 'no-overpromise': { severity: 'info' } } }), ['4:17-4:27 info no-overpromise "right away"']);
  });

  it("a phrase rule's `allow` option skips the listed phrases only", () => {
    const text = `${FRONT}We will send it right away, definitely.\n`;
    const layer = { rules: { [TEST_RULE_ID]: { allow: ['Right away'] } } };
    assert.deepEqual(slices(text, findingsFor(text, [TEST_RULE_ID], layer)), ['definitely']);
    assert.deepEqual(slices(text, findingsFor(text, [TEST_RULE_ID])), ['right away', 'definitely']);
  });

  it('custom `placeholders` make unknown-placeholder accept the field', () => {
    const text = `${FRONT}Track it at {{order.tracking_url}}.\n`;
    assert.deepEqual(slices(text, findingsFor(text, ['unknown-placeholder'], { platform: 'generic' })), ['{{order.tracking_url}}']);
    assert.deepEqual(findingsFor(text, ['unknown-placeholder'], { platform: 'generic', placeholders: ['{{order.tracking_url}}'] }), []);
    assert.deepEqual(findingsFor(text, ['unknown-placeholder'], { platform: 'generic', placeholders: ['order.tracking_url'] }), []);
  });

  describe('platform: configuration vs front matter', () => {
    const body = 'Hi {{ticket.requester.first_name}} and {{first_name}}.\n';

    it('the configured platform applies when the macro names none', () => {
      const text = `${FRONT}${body}`;
      assert.deepEqual(slices(text, findingsFor(text, ['unknown-placeholder'], { platform: 'zendesk' })), ['{{first_name}}']);
    });

    it("the macro's front matter `platform` wins over the configuration", () => {
      const text = `---\ntitle: Greeting\nplatform: intercom\n---\n${body}`;
      assert.deepEqual(slices(text, findingsFor(text, ['unknown-placeholder'], { platform: 'zendesk' })), ['{{ticket.requester.first_name}}']);
    });
  });
});
