import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../tests/support/app.js';
import type { TestDatabase } from '../../../tests/support/engines.js';
import { indexDocument, removeDocument, searchDocumentsFor, snippetOf } from './search.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await useTestDatabase('empty');
  const db = t.database.db;
  await indexDocument(db, {
    entityType: 'plan',
    entityId: 'p1',
    title: 'Kế hoạch thúc đẩy chuyển đổi số của Thành phố',
    body: 'Phát triển kinh tế số, xã hội số và chính quyền số đến năm 2030.',
    url: '/p1',
    isPublic: true,
  });
  await indexDocument(db, {
    entityType: 'plan',
    entityId: 'p2',
    title: 'Kế hoạch phát triển giao thông',
    body: 'Đầu tư hạ tầng giao thông đường bộ.',
    url: '/p2',
    isPublic: true,
  });
  await indexDocument(db, {
    entityType: 'initiative',
    entityId: 'i1',
    title: 'Ứng dụng trí tuệ nhân tạo trong y tế',
    body: 'Sáng kiến chuyển đổi số bệnh viện, hồ sơ sức khỏe điện tử.',
    url: '/i1',
    isPublic: true,
  });
  await indexDocument(db, {
    entityType: 'initiative',
    entityId: 'i2',
    title: 'Sáng kiến nội bộ về chuyển đổi số',
    body: 'Bản nháp chưa công khai.',
    url: '/i2',
    isPublic: false,
  });
  await indexDocument(db, {
    entityType: 'unit',
    entityId: 'u1',
    title: 'Phường Thủ Dầu Một',
    titleEn: 'Thu Dau Mot Ward',
    body: 'Thu Dau Mot Ward · 25747',
    url: '/u1',
    isPublic: true,
  });
});
afterAll(() => t.dispose());

const ids = (results: Array<{ entityId: string }>) => results.map((r) => r.entityId);

describe('search without diacritics', () => {
  it('finds "Kế hoạch … chuyển đổi số" from "ke hoach chuyen doi so", best match first', async () => {
    const results = await searchDocumentsFor(t.database.db, { query: 'ke hoach chuyen doi so', limit: 10, includePrivate: false });
    expect(ids(results)[0]).toBe('p1');
    expect(ids(results)).not.toContain('p2');
    expect(results[0]!.title).toEqual({ vi: 'Kế hoạch thúc đẩy chuyển đổi số của Thành phố', en: '' });
  });

  it("gives each result's English title where it has one, for English pages", async () => {
    const [unit] = await searchDocumentsFor(t.database.db, { query: 'thu dau mot', limit: 1, includePrivate: false });
    expect(unit!.title).toEqual({ vi: 'Phường Thủ Dầu Một', en: 'Thu Dau Mot Ward' });
  });

  it('matches a half-typed last word as the start of a word, and only the last one', async () => {
    expect(ids(await searchDocumentsFor(t.database.db, { query: 'chuyen do', limit: 10, includePrivate: false }))).toEqual(
      expect.arrayContaining(['p1', 'i1']),
    );
    expect(ids(await searchDocumentsFor(t.database.db, { query: 'Trí tuệ nhân t', limit: 10, includePrivate: false }))).toContain('i1');
    expect(ids(await searchDocumentsFor(t.database.db, { query: 'chuy doi so', limit: 10, includePrivate: false }))).not.toContain('i1');
    expect(await searchDocumentsFor(t.database.db, { query: "' & ! :* |", limit: 10, includePrivate: false })).toEqual([]);
  });

  it('matches the same with and without diacritics and in any case', async () => {
    const plain = await searchDocumentsFor(t.database.db, { query: 'CHUYEN DOI SO', limit: 10, includePrivate: false });
    const accented = await searchDocumentsFor(t.database.db, { query: 'chuyển đổi số', limit: 10, includePrivate: false });
    expect(ids(plain)).toEqual(ids(accented));
    expect(ids(plain).sort()).toEqual(['i1', 'p1']);
  });

  it('folds đ to d', async () => {
    const results = await searchDocumentsFor(t.database.db, { query: 'dau tu ha tang', limit: 10, includePrivate: false });
    expect(ids(results)).toEqual(['p2']);
  });

  it('tolerates a typo in a title through trigram similarity', async () => {
    const results = await searchDocumentsFor(t.database.db, { query: 'Thu Dau Mott', limit: 10, includePrivate: false });
    expect(ids(results)).toContain('u1');
  });

  it('leaves out documents that are not public unless asked', async () => {
    const publicOnly = await searchDocumentsFor(t.database.db, { query: 'noi bo', limit: 10, includePrivate: false });
    const all = await searchDocumentsFor(t.database.db, { query: 'noi bo', limit: 10, includePrivate: true });
    expect(ids(publicOnly)).toEqual([]);
    expect(ids(all)).toEqual(['i2']);
  });

  it('filters by entity type and updates or removes a document in place', async () => {
    const db = t.database.db;
    expect(
      ids(await searchDocumentsFor(db, { query: 'chuyen doi so', entityType: 'initiative', limit: 10, includePrivate: false })),
    ).toEqual(['i1']);
    await indexDocument(db, {
      entityType: 'plan',
      entityId: 'p2',
      title: 'Kế hoạch giao thông thông minh',
      body: 'Chuyển đổi số giao thông.',
      url: '/p2',
      isPublic: true,
    });
    expect(ids(await searchDocumentsFor(db, { query: 'giao thong thong minh', limit: 10, includePrivate: false }))).toEqual(['p2']);
    await removeDocument(db, 'plan', 'p2');
    expect(ids(await searchDocumentsFor(db, { query: 'giao thong', limit: 10, includePrivate: false }))).toEqual([]);
  });

  it('marks matched words in the snippet with their original diacritics', async () => {
    const [first] = await searchDocumentsFor(t.database.db, { query: 'kinh te so', limit: 1, includePrivate: false });
    const marked = first!.snippet.filter((p) => p.isMatch).map((p) => p.text);
    expect(marked).toEqual(expect.arrayContaining(['kinh', 'tế', 'số']));
    expect(first!.snippet.map((p) => p.text).join('')).toContain('Phát triển kinh tế số');
  });
});

describe('snippetOf', () => {
  it('marks whole words only and cuts long text around the first match without splitting words', () => {
    const text = `${'Mở đầu '.repeat(40)}Đề án số hóa hồ sơ và sổ sách ${'kết thúc '.repeat(40)}`;
    const parts = snippetOf(text, ['so']);
    expect(parts.filter((p) => p.isMatch).map((p) => p.text)).toEqual(['số', 'sơ', 'sổ']);
    expect(parts[0]!.text).toBe('… ');
    expect(parts.at(-1)!.text).toBe(' …');
    const inner = parts
      .slice(1, -1)
      .map((p) => p.text)
      .join('');
    const at = text.indexOf(inner);
    expect(inner.length).toBeLessThan(text.length);
    expect(at).toBeGreaterThan(0);
    expect(text[at - 1]).toBe(' ');
    expect(text[at + inner.length]).toBe(' ');
  });

  it('marks the words a half-typed last term begins, as the search matched them', () => {
    const text = 'Điều phối xe buýt theo nhu cầu; bù giờ cho tài xế';
    const marked = (parts: Array<{ text: string; isMatch: boolean }>) => parts.filter((p) => p.isMatch).map((p) => p.text);
    expect(marked(snippetOf(text, ['xe', 'bu'], { isLastAPrefix: true }))).toEqual(['xe', 'buýt', 'bù', 'xế']);
    expect(marked(snippetOf(text, ['xe', 'bu']))).toEqual(['xe', 'bù', 'xế']);
  });

  it('returns the start of the text when nothing matches', () => {
    expect(snippetOf('Không có gì', ['xyz'])).toEqual([{ text: 'Không có gì', isMatch: false }]);
  });
});
