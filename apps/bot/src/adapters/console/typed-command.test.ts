import { describe, expect, it } from 'vitest';
import { parseTypedCommand } from './typed-command.ts';

describe('reading typed commands', () => {
  it('reads named, positional and quoted options', () => {
    expect(
      parseTypedCommand(
        '/reporter jalon:"Bilan annuel" date:2027-01-05 raison:Retard du prestataire',
      ),
    ).toMatchObject({
      ok: true,
      options: { jalon: 'Bilan annuel', date: '2027-01-05', raison: 'Retard du prestataire' },
    });
    expect(
      parseTypedCommand('/reporter "Bilan annuel" 2027-01-05 Retard du prestataire'),
    ).toMatchObject({
      options: { jalon: 'Bilan annuel', date: '2027-01-05', raison: 'Retard du prestataire' },
    });
    expect(parseTypedCommand('/JALONS')).toMatchObject({ ok: true, options: {} });
    expect(parseTypedCommand('/nimporte quoi')).toEqual({ ok: false, name: 'nimporte' });
  });
});
