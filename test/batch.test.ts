/** The batch machinery piece by piece: decoding, reading, walking, writing, formats, the bounded loop, the manifest, segments. */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { collectInputs, readArticle } from '../src/io/articles.ts';
import { decodeArticleBytes } from '../src/io/decode.ts';
import { CSV_HEADER, csvLine, csvRows } from '../src/io/formats.ts';
import { segmentBounds, extractText } from '../src/io/segments.ts';
import { outputPath, writeOutput } from '../src/io/write.ts';
import { forEachBounded } from '../src/batch/pool.ts';
import { Manifest, MANIFEST_NAME } from '../src/batch/manifest.ts';
import { ArticleJobSchema } from '../src/batch/job.ts';
import { ExtractionSchema, type Extraction } from '../src/schema.ts';

const root = path.resolve(import.meta.dirname, '..');
const scratch = () => mkdtemp(path.join(tmpdir(), 'envoy-batch-unit-'));
const SENTENCE = 'President Macron will visit China next week, officials said.';

describe('decoding article bytes', () => {
  it('reads UTF-16 with either byte-order mark and names the encoding', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SENTENCE, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(SENTENCE, 'utf16le').swap16()]);
    expect(decodeArticleBytes(le)).toEqual({ text: SENTENCE, encoding: 'UTF-16LE' });
    expect(decodeArticleBytes(be)).toEqual({ text: SENTENCE, encoding: 'UTF-16BE' });
  });

  it('detects Windows-1252 and Latin-1 and decodes them', () => {
    const quoted = 'The minister said \u201cwe will visit Paris\u201d on Monday \u2013 the caf\u00e9 stayed shut.';
    expect(decodeArticleBytes(iconv.encode(quoted, 'windows-1252'))).toEqual({ text: quoted, encoding: 'windows-1252' });
    const latin = 'The minister visited Montr\u00e9al and S\u00e3o Paulo; a na\u00efve r\u00e9sum\u00e9 of \u00a3200 million.';
    const decoded = decodeArticleBytes(iconv.encode(latin, 'latin1'));
    expect(decoded).toEqual({ text: latin, encoding: 'ISO-8859-1' });
  });

  it('drops a UTF-8 byte-order mark and records no encoding for UTF-8', () => {
    expect(decodeArticleBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SENTENCE)]))).toEqual({ text: SENTENCE });
  });

  it('refuses corrupt UTF-8, naming the offset, and binary data', () => {
    const corrupt = Buffer.concat([Buffer.from('caf\u00e9 '), Buffer.from([0xa9]), Buffer.from(' ok')]);
    expect(decodeArticleBytes(corrupt)).toEqual({ problem: 'not valid UTF-8 text (invalid byte 0xa9 at offset 6)' });
    expect(decodeArticleBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))).toMatchObject({ problem: expect.stringMatching(/^binary file/) });
    expect(decodeArticleBytes(Buffer.from('\x01\x02\x03\x04abc\x05\x06'))).toMatchObject({ problem: expect.stringMatching(/^binary file/) });
  });
});

describe('reading articles', () => {
  it('refuses HTML pages, empty files and named pipes by name; hashes the sidecar with the text', async () => {
    const dir = await scratch();
    await writeFile(path.join(dir, 'page.txt'), '<!-- saved -->\n<!DOCTYPE html><html><body><p>Macron visited China.</p></body></html>');
    await writeFile(path.join(dir, 'blank.txt'), ' \n\t\n');
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    expect(() => readArticle(path.join(dir, 'page.txt'))).toThrow(/page\.txt: HTML page, not plain text/);
    expect(() => readArticle(path.join(dir, 'blank.txt'))).toThrow(/blank\.txt: empty file/);
    expect(() => readArticle(path.join(dir, 'pipe.txt'))).toThrow(/pipe\.txt: not a regular file/);

    await writeFile(path.join(dir, 'a.txt'), SENTENCE);
    const plain = readArticle(path.join(dir, 'a.txt'));
    await writeFile(path.join(dir, 'a.meta.json'), JSON.stringify({ referenceDate: '2024-03' }));
    const withSidecar = readArticle(path.join(dir, 'a.txt'));
    expect(withSidecar.metadataReferenceDate).toBe('2024-03');
    expect(withSidecar.contentHash).not.toBe(plain.contentHash);
    expect(plain.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives a queue job every field it read, so a worker on another machine accepts it', async () => {
    // The job schema is strict: a field added to what readArticle returns must be added to the job too.
    const dir = await scratch();
    await writeFile(path.join(dir, 'latin.txt'), iconv.encode('Le pr\u00e9sident Macron visited China on Tuesday, officials said.', 'windows-1252'));
    await writeFile(path.join(dir, 'latin.meta.json'), JSON.stringify({ referenceDate: '2024-03-05' }));
    const article = readArticle(path.join(dir, 'latin.txt'));
    expect(Object.keys(article).sort()).toEqual(['contentHash', 'encoding', 'fileSha256', 'metadataReferenceDate', 'text']);
    const job = { id: 'latin', source: path.join(dir, 'latin.txt'), outputStem: 'latin', article };
    expect(ArticleJobSchema.parse(job)).toEqual(job);
  });
});

describe('collecting inputs', () => {
  it('mirrors folders, takes globs relative to their fixed part, keeps odd names, and refuses two inputs for one output', async () => {
    const dir = await scratch();
    for (const rel of ['business/001.txt', 'sport/001.txt', 'sport/deep/002.txt', 'with space/Ünïcødé 記事.txt', 'notes.md']) {
      await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await writeFile(path.join(dir, rel), SENTENCE);
    }
    const walked = await collectInputs([dir]);
    expect(walked.errors).toEqual([]);
    expect(walked.inputs.map((i) => i.outputStem)).toEqual(['business/001', 'sport/001', 'sport/deep/002', 'with space/Ünïcødé 記事']);
    expect(walked.inputs[3].id).toBe('Ünïcødé 記事');

    const globbed = await collectInputs([`${dir}/sport/**/*.txt`]);
    expect(globbed.inputs.map((i) => i.outputStem)).toEqual(['001', 'deep/002']);

    const clash = await collectInputs([path.join(dir, 'business/001.txt'), path.join(dir, 'sport/001.txt'), path.join(dir, 'gone.txt'), `${dir}/*.zzz`]);
    expect(clash.inputs).toHaveLength(1);
    expect(clash.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/sport\/001\.txt: its output 001 is already taken by .*business\/001\.txt/),
      expect.stringMatching(/gone\.txt: cannot read: ENOENT/),
      expect.stringMatching(/\*\.zzz: no file matches this pattern/),
    ]);
  });
});

describe('writing outputs', () => {
  it('never writes outside --out, by name or through a symbolic link, and leaves no temporary files', async () => {
    const dir = await scratch();
    const out = path.join(dir, 'out');
    expect(() => outputPath(out, '../x.json')).toThrow(/escapes/);
    expect(() => outputPath(out, '/etc/x.json')).toThrow(/escapes/);
    expect(() => outputPath(out, 'a/../../x.json')).toThrow(/escapes/);
    writeOutput(out, 'a/b.json', '{}\n');
    await mkdir(path.join(dir, 'elsewhere'));
    await symlink(path.join(dir, 'elsewhere'), path.join(out, 'link'));
    expect(() => writeOutput(out, 'link/c.json', '{}\n')).toThrow(/through a symbolic link/);
    expect(await readdir(path.join(dir, 'elsewhere'))).toEqual([]);
    expect(await readdir(path.join(out, 'a'))).toEqual(['b.json']);
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180 and gives one row per visit with the spreadsheet columns', () => {
    expect(CSV_HEADER).toBe('document,date,visitor,visitor country,destination country,place,status,CAMEO code,evidence\r\n');
    expect(csvLine(['plain', 'a, b', 'say "hi"', 'two\nlines', ' padded', ''])).toBe('plain,"a, b","say ""hi""","two\nlines"," padded",\r\n');
    const extraction = extractText('German Chancellor Angela Merkel will visit France next week, officials said.', { id: 'x', source: 'in/"a", b.txt', referenceDate: '2024-03-04' });
    const rows = csvRows(extraction);
    expect(extraction.events.length).toBeGreaterThan(0);
    expect(rows.split('\r\n').filter(Boolean)).toHaveLength(extraction.events.length);
    expect(rows.startsWith('"in/""a"", b.txt",')).toBe(true);
    expect(rows).toContain(',Angela Merkel,DEU,FRA,');
  });
});

describe('the bounded loop', () => {
  it('keeps at most `limit` in flight, hands every result over one at a time, and stops on a handler error', async () => {
    let inFlight = 0;
    let peak = 0;
    const handled: number[] = [];
    const run = async (n: number) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, (n * 7) % 5));
      inFlight--;
      return n * 2;
    };
    await forEachBounded([...Array(40).keys()], 3, run, async (n, doubled) => {
      expect(doubled).toBe(n * 2);
      handled.push(n);
    });
    expect(peak).toBeLessThanOrEqual(3);
    expect(handled.sort((a, b) => a - b)).toEqual([...Array(40).keys()]);

    const seen: number[] = [];
    await expect(
      forEachBounded([...Array(40).keys()], 2, run, (n) => {
        seen.push(n);
        if (n === 5) throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(seen.length).toBeLessThan(40);
  });
});

describe('the resume manifest', () => {
  it('knows what is current for the same settings, forgets it for others, and survives a line cut by a kill', async () => {
    const out = await scratch();
    const [h1, h2, s1, s2] = ['1', '2', 'a', 'b'].map((c) => c.repeat(64));
    const first = await Manifest.open(out, s1);
    await first.record('a/001.json', h1);
    await first.record('b/001.json', h2);
    await first.close();
    // A run killed while appending leaves half a line behind.
    await writeFile(path.join(out, MANIFEST_NAME), `${await readFile(path.join(out, MANIFEST_NAME), 'utf8')}{"output":"c.json","sha`);
    const again = await Manifest.open(out, s1);
    expect(again.currentHash('a/001.json')).toBe(h1);
    expect(again.currentHash('b/001.json')).toBe(h2);
    expect(again.currentHash('c.json')).toBeUndefined();
    await again.record('c.json', h1);
    await again.close();
    expect((await readFile(path.join(out, MANIFEST_NAME), 'utf8')).trim().split('\n')).toHaveLength(3);
    const otherSettings = await Manifest.open(out, s2);
    expect(otherSettings.currentHash('a/001.json')).toBeUndefined();
    await otherSettings.close();
  });
});

describe('segments of a very large text', () => {
  it('cuts at paragraph ends, and merges entities, offsets and visit references', async () => {
    const seed = await readFile(path.join(root, 'seeds/000_8adeb89ad61cd016.txt'), 'utf8');
    const text = [seed, seed, seed].join('\n\n');
    const bounds = segmentBounds(text, seed.length + 10);
    expect(bounds).toHaveLength(3);
    expect(bounds[0]).toEqual([0, seed.length + 2]);
    expect(bounds.at(-1)![1]).toBe(text.length);

    const whole: Extraction = extractText(text, { id: 'x', referenceDate: '2025-09-20' }, seed.length + 10);
    const single = extractText(seed, { id: 'x', referenceDate: '2025-09-20' });
    expect(ExtractionSchema.safeParse(whole).success).toBe(true);
    expect(whole.events).toHaveLength(single.events.length * 3);
    expect(new Set(whole.events.map((e) => e.id)).size).toBe(whole.events.length);
    expect(whole.entities).toHaveLength(single.entities.length);
    const ids = new Set(whole.entities.map((e) => e.id));
    for (const e of whole.events) for (const a of [...e.visitors, ...e.met]) if (a.entity !== null) expect(ids.has(a.entity)).toBe(true);
    const spans = [...whole.entities.flatMap((e) => e.mentions), ...whole.dates, ...whole.figures, ...whole.figures.map((f) => f.evidence), ...whole.events.flatMap((e) => e.evidence)];
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(whole.dates.filter((d) => d.start > 2 * seed.length)).toHaveLength(single.dates.length);
  });
});
