import { Workbook } from 'exceljs';
import { assertPackageSize } from '../../src/node/xlsx/package-guard';
import { readDirectory, readEntry, rewriteZip } from '../../src/node/xlsx/zip';

/** A one-part zip whose directory entry says its sizes live in a ZIP64 extra field. */
function zip64Declaring(name: string, size: number): Buffer {
  const nameBytes = Buffer.from(name);
  const data = Buffer.from('x');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(45, 4);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const extra = Buffer.alloc(4 + 16);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(16, 2);
  extra.writeBigUInt64LE(BigInt(size), 4); // uncompressed
  extra.writeBigUInt64LE(BigInt(data.length), 12); // compressed
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(45, 4);
  central.writeUInt16LE(45, 6);
  central.writeUInt32LE(0xffffffff, 20);
  central.writeUInt32LE(0xffffffff, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt16LE(extra.length, 30);
  const dirStart = local.length + nameBytes.length + data.length;
  const dir = Buffer.concat([central, nameBytes, extra]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(dirStart, 16);
  return Buffer.concat([local, nameBytes, data, dir, end]);
}

describe('the zip directory reader', () => {
  it('reads the 64-bit size of a ZIP64 entry, so a 5 GiB declaration is refused', () => {
    const bytes = zip64Declaring('xl/worksheets/sheet1.xml', 5 * 2 ** 30);
    const [entry] = readDirectory(bytes);
    expect(entry.size).toBe(5 * 2 ** 30);
    expect(entry.compressedSize).toBe(1);
    expect(() => assertPackageSize(bytes, 'big.xlsx', 'en', {})).toThrow(
      /big\.xlsx: the workbook unpacks to 5,120 MiB \(xl\/worksheets\/sheet1\.xml alone is 5,120 MiB\)/,
    );
    expect(() =>
      assertPackageSize(bytes, 'big.xlsx', 'en', { KAM_MAX_UNPACKED_MB: '8192' }),
    ).not.toThrow();
  });

  it('a file with no zip directory is called damaged', () => {
    expect(() =>
      assertPackageSize(
        Buffer.from(`PK\u0003\u0004${' and nothing'.repeat(10)}`),
        'x.xlsx',
        'en',
        {},
      ),
    ).toThrow(/x\.xlsx: the workbook is damaged and cannot be read \(no zip directory\)/);
  });

  it('a rewritten package keeps every other part byte for byte and opens in ExcelJS', async () => {
    const wb = new Workbook();
    wb.addWorksheet('A').addRow(['hello', 1]);
    wb.addWorksheet('B').addRow(['world', 2]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const before = readDirectory(bytes);
    const part = before.find((e) => e.name === 'xl/sharedStrings.xml')!;
    const xml = readEntry(bytes, part).toString('utf8').replace('world', 'monde');
    const out = rewriteZip(bytes, new Map([[part.name, Buffer.from(xml)]]));
    const after = readDirectory(out);
    expect(after.map((e) => e.name)).toEqual(before.map((e) => e.name));
    for (const e of after)
      if (e.name !== part.name)
        expect(
          readEntry(out, e).equals(
            readEntry(
              bytes,
              before.find((b) => b.name === e.name)!,
            ),
          ),
        ).toBe(true);
    const back = new Workbook();
    await back.xlsx.load(out as unknown as ArrayBuffer);
    expect(back.getWorksheet('B')!.getCell('A1').value).toBe('monde');
    expect(back.getWorksheet('A')!.getCell('A1').value).toBe('hello');
  });
});
