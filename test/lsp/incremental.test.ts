/**
 * The server re-lints a document being typed in incrementally (only the
 * pieces an edit changed). What the user sees must not depend on that: after
 * every edit the published diagnostics are exactly those of a full lint of
 * the text at that version, whatever the edit breaks or mends (a new
 * paragraph, a code fence opened and closed, front matter changed, a phrase
 * typed and removed, a disable comment).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, fullLintShows, serverForSuite, shown } from './harness.js';

const PARAGRAPHS = [
  'Thank you for writing in about your order.',
  'We will refund you right away, as per my last email.',
  'Please be informed that the courier has your parcel.',
  'Unfortunately we cannot do that, it is against our policy.',
  'I understand how frustrating a late delivery is.',
  'You should have contacted us sooner about the the damage.',
];

/** Some 12 KB of macro: a greeting, many paragraphs with and without faults, a sign-off. */
function documentText(): string {
  const body: string[] = [];
  for (let i = 0; i < 60; i++) body.push(`${PARAGRAPHS[i % PARAGRAPHS.length]} Paragraph ${i} has a few more words here.`);
  return ['---', 'title: Long reply', 'channel: email', '---', 'Hi {{customer.first_name | default: "there"}},', '', body.join('\n\n'), '', 'Best,', '{{agent.first_name}}', ''].join('\n');
}


describe('language server: incremental re-lint', function () {
  this.timeout(120_000);
  const server = serverForSuite();

  it('publishes, after every edit, exactly the diagnostics of a full lint', async () => {
    const doc = fileUri(join(server.dir, 'long.macro.md'));
    await server.client.open(doc, documentText());
    assert.deepEqual(shown((await server.client.diagnosticsAt(doc, 1)).diagnostics), fullLintShows(server.client.text(doc)));

    const at = (needle: string, nth = 0) => {
      const text = server.client.text(doc);
      let offset = -1;
      for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
      assert.notEqual(offset, -1, `"${needle}" #${nth} is not in the text`);
      return TextDocument.create(doc, 'macro', 1, text).positionAt(offset);
    };
    const insert = (needle: string, text: string, nth = 0) => ({ range: { start: at(needle, nth), end: at(needle, nth) }, newText: text });
    const replace = (needle: string, text: string, nth = 0) => {
      const start = at(needle, nth);
      return { range: { start, end: { line: start.line, character: start.character + needle.length } }, newText: text };
    };

    // Each edit is made against the text as it is by then.
    const edits = [
      () => insert('Paragraph 7 ', 'We guarantee it will never happen again. '),
      () => replace('We guarantee it will never happen again. ', ''),
      () => insert('Paragraph 20 ', '\n\n'),
      () => insert('Paragraph 30 ', '\n\n```\n'),
      () => insert('Paragraph 33 ', '\n```\n\n'),
      () => replace('channel: email', 'channel: chat'),
      () => insert('Paragraph 40 ', '<!-- tactful-disable-next-line -->\n'),
      () => replace('right away', 'soon', 3),
      () => insert('Paragraph 50 ', 'Sorry for the inconvenience. '),
      () => replace('Best,', 'Regards,'),
      () => insert('Paragraph 12 ', '[docs]: https://example.com\n\n'),
      () => replace('```\n', '', 0),
    ];
    for (const makeEdit of edits) {
      const edit = makeEdit();
      const version = await server.client.change(doc, [edit]);
      const published = await server.client.diagnosticsAt(doc, version);
      assert.deepEqual(shown(published.diagnostics), fullLintShows(server.client.text(doc)), `after edit to version ${version}: ${JSON.stringify(edit.newText)}`);
    }
  });
});
