import { describe, expect, it } from 'vitest';
import { csvCell, csvEuros, toCsv } from './csv.ts';

describe('toCsv', () => {
  it('starts with a BOM, separates with semicolons and ends every line with CRLF', () => {
    const csv = toCsv(
      [
        { header: 'Titre', cell: (row: { title: string; amount: number }) => row.title },
        { header: 'Montant', cell: (row) => row.amount },
      ],
      [
        { title: 'Bus numérique', amount: 1234.5 },
        { title: 'Ateliers', amount: 12 },
      ],
    );
    expect(csv).toBe('\uFEFFTitre;Montant\r\nBus numérique;1234,5\r\nAteliers;12\r\n');
  });

  it('writes a header line alone when there is no row', () => {
    expect(toCsv([{ header: 'Nom', cell: () => undefined }], [])).toBe('\uFEFFNom\r\n');
  });
});

describe('csvCell', () => {
  it('quotes a cell holding a separator, a quote or a line break, doubling its quotes', () => {
    expect(csvCell('Axe 1; inclusion')).toBe('"Axe 1; inclusion"');
    expect(csvCell('Le « bus » dit "France Services"')).toBe(
      '"Le « bus » dit ""France Services"""',
    );
    expect(csvCell('ligne 1\r\nligne 2')).toBe('"ligne 1\r\nligne 2"');
    expect(csvCell('virgule, sans guillemets')).toBe('virgule, sans guillemets');
  });

  it('neutralises a text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x.example")')).toBe('"\'=HYPERLINK(""http://x.example"")"');
    expect(csvCell('+33 5 46 00 00 00')).toBe("'+33 5 46 00 00 00");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe('"\'\rcmd"');
    expect(csvCell('Sans danger = ok')).toBe('Sans danger = ok');
  });

  it('writes numbers with a decimal comma, booleans in French and nothing for a missing value', () => {
    expect(csvCell(-2.5)).toBe('-2,5');
    expect(csvCell(true)).toBe('Oui');
    expect(csvCell(false)).toBe('Non');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('csvEuros', () => {
  it('writes cents as euros with two decimals and a comma', () => {
    expect(csvEuros(40_000_000)).toBe('400000,00');
    expect(csvEuros(123_405)).toBe('1234,05');
    expect(csvEuros(7)).toBe('0,07');
    expect(csvEuros(undefined)).toBeUndefined();
  });
});
