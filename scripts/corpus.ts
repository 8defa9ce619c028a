/**
 * npm run corpus -- <folder> [--write-readme]
 * How the importer reads a corpus of notes it has never seen: <folder>/corpus.json lists each file
 * with its questions counted by hand (and its source). Prints one row per file (questions found
 * against the count, statements and answers, text fidelity, the rule chosen and how sure) and,
 * with --write-readme, puts the table in README.md between its corpus markers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from './lib/cli.ts';
import { closeEnough, corpusTable, readNotesFile, type NotesReading } from './lib/notes-corpus.ts';

interface CorpusEntry {
  file: string;
  questions: number;
  repo?: string;
  path?: string;
  licence?: string;
  style?: string;
}

runCli(async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'write-readme': { type: 'boolean', default: false } } });
  const [folder] = positionals;
  if (!folder) throw new Error('usage: npm run corpus -- <folder with corpus.json> [--write-readme]');
  const entries = JSON.parse(readFileSync(join(folder, 'corpus.json'), 'utf8')) as CorpusEntry[];
  const readings: { entry: CorpusEntry; reading: NotesReading }[] = [];
  for (const entry of entries) {
    const reading = await readNotesFile(join(folder, entry.file), entry.questions);
    readings.push({ entry, reading });
    console.log(
      `${closeEnough(reading) && reading.fidelity >= 0.97 ? 'ok ' : 'off'} ${entry.file}: ${reading.found ?? 'refused'} of ${entry.questions} questions, ` +
        `${reading.withStatement} with a statement, ${reading.answered} answered, fidelity ${(reading.fidelity * 100).toFixed(1)} %, ${reading.rule} (${Math.round(reading.confidence * 100)} % sure)`,
    );
  }
  const table = corpusTable(
    readings.map(({ entry, reading }) => ({
      ...reading,
      source: entry.repo ? `${entry.repo}/${entry.path ?? ''}` : entry.file,
      style: entry.style ?? '',
    })),
  );
  if (values['write-readme']) {
    const readme = readFileSync('README.md', 'utf8');
    const marked = /<!-- corpus:start -->[\s\S]*<!-- corpus:end -->/;
    if (!marked.test(readme)) throw new Error('README.md has no <!-- corpus:start --> … <!-- corpus:end --> markers');
    writeFileSync('README.md', readme.replace(marked, `<!-- corpus:start -->\n${table}\n<!-- corpus:end -->`));
    console.log('README.md: corpus table written.');
  } else console.log(`\n${table}`);
});
