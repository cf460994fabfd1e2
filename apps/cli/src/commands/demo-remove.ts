import { demoRecords } from '@maille/demo';
import { plural } from '@maille/domain';
import { removeDemo } from '@maille/domain/use-cases';
import { flag, type Invocation, noMoreArguments } from '../command.ts';
import { type Cli, kernelContext, withDatabase } from '../context.ts';
import { UsageError } from '../errors.ts';
import { fr } from '../messages/fr.ts';

/** How the removal's counts read, table by table, in the order a coordinator thinks of them. */
const REMOVED_LABELS: Record<string, readonly [string, string]> = {
  governances: ['gouvernance', 'gouvernances'],
  bodies: ['instance', 'instances'],
  meetings: ['séance', 'séances'],
  roadmaps: ['feuille de route', 'feuilles de route'],
  roadmapVersions: ['version de feuille de route', 'versions de feuille de route'],
  actions: ['fiche', 'fiches'],
  milestones: ['jalon', 'jalons'],
  fundingLines: ['financement', 'financements'],
  updates: ['point d’étape', 'points d’étape'],
  indicators: ['indicateur', 'indicateurs'],
  measurements: ['mesure', 'mesures'],
  deliveries: ['rappel', 'rappels'],
  deliveryEvents: ['étape d’envoi de rappel', 'étapes d’envoi de rappels'],
  calendarFeeds: ['lien de calendrier', 'liens de calendrier'],
  auditEvents: ['événement d’historique', 'événements d’historique'],
  persons: ['personne', 'personnes'],
  organizations: ['structure', 'structures'],
  territories: ['territoire', 'territoires'],
  apiKeys: ['clé d’API', 'clés d’API'],
  signInLinks: ['lien de connexion', 'liens de connexion'],
  sessions: ['session web', 'sessions web'],
  visits: ['visite', 'visites'],
  chatLinkCodes: ['code de liaison Discord', 'codes de liaison Discord'],
  chatAnswers: ['réponse à un rappel', 'réponses à des rappels'],
};

/**
 * `maille demo supprimer --oui`: removes the demonstration from the database, and nothing else, in
 * one transaction (see `removeDemo`); `maille start` then never adds it again.
 */
export async function runDemoRemoval(invocation: Invocation, cli: Cli): Promise<void> {
  noMoreArguments('demo', invocation, 1);
  if (!flag(invocation, 'oui')) {
    throw new UsageError(fr.usage.confirm(fr.demoRemoval.warning), 'demo');
  }
  const { governances, removed } = await withDatabase(cli, { migrated: true }, (database) =>
    removeDemo(kernelContext(cli, database), demoRecords()),
  );
  cli.print(fr.demoRemoval.removed(governances));
  const parts = Object.entries(REMOVED_LABELS)
    .filter(([table]) => (removed[table] ?? 0) > 0)
    .map(([table, [one, many]]) => plural(removed[table] ?? 0, one, many));
  if (parts.length > 0) cli.print(fr.demoRemoval.counts(parts));
  cli.print(fr.demoRemoval.kept);
}
