/**
 * A ZIP archive of files stored as they are (no compression: the screenshots it carries are PNG,
 * JPEG and WebP, compressed already), as the ZIP format's specification (PKWARE APPNOTE) lays it
 * out: a local header before each file, then the central directory and its end record.
 */
import { crc32 } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, with "/". */
  name: string;
  data: Buffer;
}

/** DOS time and date of 1 January 2026, 00:00: a fixed stamp, so the same files give the same archive. */
const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;
/** Names are UTF-8 (general purpose bit 11). */
const UTF8 = 0x0800;

/**
 * The fields the local header and the central directory entry share, in the same order (from
 * offset 4 and 6): version needed 2.0, UTF-8 names, stored, time, date, CRC, sizes, name length.
 */
function writeFileFields(header: Buffer, at: number, file: { checksum: number; size: number; nameLength: number }): void {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(UTF8, at + 2);
  header.writeUInt16LE(0, at + 4); // stored
  header.writeUInt16LE(DOS_TIME, at + 6);
  header.writeUInt16LE(DOS_DATE, at + 8);
  header.writeUInt32LE(file.checksum, at + 10);
  header.writeUInt32LE(file.size, at + 14);
  header.writeUInt32LE(file.size, at + 18);
  header.writeUInt16LE(file.nameLength, at + 22);
}

export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const fileName = Buffer.from(name, 'utf8');
    const checksum = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeFileFields(local, 4, { checksum, size: data.length, nameLength: fileName.length });
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0
    writeFileFields(central, 6, { checksum, size: data.length, nameLength: fileName.length });
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
