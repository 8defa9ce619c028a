/**
 * A text-import file read back as Anki reads it (rslib/src/import_export/text/csv: metadata.rs and
 * import.rs): file headers are the leading lines starting with "#", "key:value"; then CSV records
 * with the header's separator, fields in double quotes with "" for a quote, lines starting with "#"
 * skipped as comments, records of any length. Columns map to note fields by the "#columns" names,
 * and the tags, deck and GUID columns are taken out by their headers.
 */

export interface ImportedNote {
  fields: Record<string, string>;
  tags: string[];
  deck: string;
  guid: string;
}

export interface ImportedFile {
  headers: Map<string, string>;
  notes: ImportedNote[];
}

const SEPARATORS: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', space: ' ', pipe: '|', colon: ':' };

/** CSV records as the csv crate reads them (quote '"', doubled to escape, comment lines '#', flexible). */
function records(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let atRecordStart = true;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (atRecordStart && char === '#') {
      index = text.indexOf('\n', index);
      if (index === -1) break;
      continue;
    }
    atRecordStart = false;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      row.push(field);
      if (row.some((value) => value !== '') || row.length > 1) rows.push(row);
      row = [];
      field = '';
      atRecordStart = true;
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

export function readAnkiText(text: string): ImportedFile {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const headers = new Map<string, string>();
  let bodyStart = 0;
  for (const line of lines) {
    if (!line.startsWith('#')) break;
    const colon = line.indexOf(':');
    if (colon !== -1) headers.set(line.slice(1, colon).trim().toLowerCase(), line.slice(colon + 1).replace(/\r$/, ''));
    bodyStart += 1;
  }
  const separatorName = headers.get('separator')?.trim().toLowerCase() ?? '';
  const separator = SEPARATORS[separatorName] ?? separatorName;
  const columns = (headers.get('columns') ?? '').split(separator);
  const column = (name: string): number => Number(headers.get(`${name} column`) ?? 0) - 1;
  const notes = records(lines.slice(bodyStart).join('\n'), separator).map((row) => {
    const meta = new Set([column('tags'), column('deck'), column('guid')]);
    const fields = Object.fromEntries(columns.flatMap((name, index) => (meta.has(index) ? [] : [[name, row[index] ?? '']])));
    return {
      fields,
      tags: (row[column('tags')] ?? '').split(/\s+/).filter(Boolean),
      deck: row[column('deck')] ?? '',
      guid: row[column('guid')] ?? '',
    };
  });
  return { headers, notes };
}

/** The files of a ZIP archive of stored entries, read by its central directory and local headers (APPNOTE 4.3). */
export function readZip(archive: Buffer): { name: string; data: Buffer; method: number; crc: number }[] {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end === -1) throw new Error('no end of central directory record');
  const count = archive.readUInt16LE(end + 10);
  let entry = archive.readUInt32LE(end + 16);
  const files = [];
  for (let index = 0; index < count; index++) {
    if (archive.readUInt32LE(entry) !== 0x02014b50) throw new Error(`no central directory entry at ${entry}`);
    const method = archive.readUInt16LE(entry + 10);
    const crc = archive.readUInt32LE(entry + 16);
    const size = archive.readUInt32LE(entry + 20);
    const nameLength = archive.readUInt16LE(entry + 28);
    const local = archive.readUInt32LE(entry + 42);
    const name = archive.subarray(entry + 46, entry + 46 + nameLength).toString('utf8');
    if (archive.readUInt32LE(local) !== 0x04034b50) throw new Error(`no local header for ${name}`);
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    files.push({ name, data: Buffer.from(archive.subarray(start, start + size)), method, crc });
    entry += 46 + nameLength + archive.readUInt16LE(entry + 30) + archive.readUInt16LE(entry + 32);
  }
  return files;
}
