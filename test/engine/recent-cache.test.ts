/**
 * The engine's text-keyed caches keep what the last two lints used and
 * nothing older: the language server must give memory back once documents
 * close, while re-linting an edited document still finds its texts.
 */
import assert from 'node:assert/strict';
import { RecentCache, beginLint } from 'tactful-server';

describe('RecentCache', () => {
  it('keeps an entry for the next lint, and for as long as each lint uses it', () => {
    const cache = new RecentCache<string, number>();
    beginLint();
    cache.set('paragraph', 1);
    beginLint();
    assert.equal(cache.get('paragraph'), 1, 'the next lint finds it');
    beginLint();
    assert.equal(cache.get('paragraph'), 1, 'used in the last lint, so still there');
  });

  it('drops an entry no lint asked for since the one before last', () => {
    const cache = new RecentCache<string, number>();
    beginLint();
    cache.set('closed document', 1);
    cache.set('open document', 2);
    beginLint();
    assert.equal(cache.get('open document'), 2);
    beginLint();
    assert.equal(cache.get('closed document'), undefined);
    assert.equal(cache.get('open document'), 2);
  });

  it('drops everything when it sat out a lint', () => {
    const cache = new RecentCache<string, number>();
    beginLint();
    cache.set('text', 1);
    beginLint();
    beginLint();
    assert.equal(cache.get('text'), undefined);
  });
});
