import { basename } from 'node:path';
import { MAX_PLACES_FILE_BYTES, placeOutcomeLabels, ValidationError } from '@maille/domain';
import {
  exportDiagnosisCsv,
  exportPlaces,
  getPlacesImport,
  importPlaces,
} from '@maille/domain/use-cases';
import {
  argument,
  type Command,
  flag,
  noMoreArguments,
  stringOption,
  subcommand,
} from '../command.ts';
import { kernelContext, withDatabase } from '../context.ts';
import { FileError, UsageError } from '../errors.ts';
import { checkDestination, readFileBytes, writeAtomically } from '../files.ts';
import { fr } from '../messages/fr.ts';
import { HELP } from '../messages/help.ts';
import { userPath } from '../paths.ts';

/**
 * `maille lieux importer|rapport|exporter|diagnostic`: the national file of places of digital
 * mediation, in and out, and the territorial diagnosis of a governance.
 */
export const places: Command = {
  name: 'lieux',
  aliases: ['places'],
  help: HELP.places,
  options: {
    gouvernance: { type: 'string' },
    format: { type: 'string' },
    fichier: { type: 'string', short: 'f' },
    remplacer: { type: 'boolean' },
  },
  async run(invocation, cli) {
    const action = subcommand('lieux', invocation, {
      importer: ['import'],
      rapport: ['report'],
      exporter: ['export'],
      diagnostic: ['diagnosis'],
    });
    switch (action) {
      case 'importer': {
        const file = userPath(cli.env, argument('lieux', invocation, 1, fr.places.fileArgument));
        const progress = cli.progress(fr.places.importing);
        try {
          progress.status(fr.places.reading(file));
          const content = await readFileBytes(file, MAX_PLACES_FILE_BYTES);
          const report = await withDatabase(cli, { migrated: true }, (database) =>
            importPlaces(
              kernelContext(cli, database),
              { content, fileName: basename(file).slice(0, 200) },
              (done, total) => progress.update(done, total),
            ),
          ).catch((error: unknown) => {
            // A file refused as a whole: one sentence naming the file, not a list of one issue.
            if (error instanceof ValidationError && error.issues.length === 1)
              throw new FileError(
                fr.places.refused(file, error.issues[0]?.message ?? error.message),
              );
            throw error;
          });
          progress.finish();
          cli.print(fr.places.imported(report));
          for (const entry of report.entries.filter((e) => e.outcome === 'rejete').slice(0, 20))
            cli.print(fr.places.entry({ ...entry, outcome: placeOutcomeLabels[entry.outcome] }));
        } finally {
          progress.finish();
        }
        return;
      }
      case 'rapport': {
        const importId = argument('lieux', invocation, 1, fr.places.reportArgument);
        const report = await withDatabase(cli, { migrated: true }, (database) =>
          getPlacesImport(kernelContext(cli, database), { importId }),
        );
        cli.print(fr.places.imported(report));
        for (const entry of report.entries)
          cli.print(fr.places.entry({ ...entry, outcome: placeOutcomeLabels[entry.outcome] }));
        return;
      }
      case 'exporter':
      case 'diagnostic': {
        noMoreArguments('lieux', invocation, 1);
        const governanceId = stringOption(invocation, 'gouvernance');
        if (!governanceId) throw new UsageError(fr.places.needsGovernance, 'lieux');
        const named = stringOption(invocation, 'fichier');
        const file = named === undefined ? undefined : userPath(cli.env, named);
        if (file) checkDestination(file, flag(invocation, 'remplacer'));
        if (action === 'exporter') {
          const exported = await withDatabase(cli, { migrated: true }, (database) =>
            exportPlaces(kernelContext(cli, database), {
              governanceId,
              format: stringOption(invocation, 'format') ?? 'json',
            }),
          );
          if (exported.leftOut.length > 0)
            cli.printError(fr.places.leftOut(exported.leftOut.map((o) => o.name)));
          if (!file) return cli.print(exported.content.trimEnd());
          writeAtomically(file, [exported.content]);
          const count = exported.contentType.startsWith('application/json')
            ? (JSON.parse(exported.content) as unknown[]).length
            : exported.content.trim().split('\n').length - 1;
          return cli.print(fr.places.exported(count, file));
        }
        const { csv, diagnosis } = await withDatabase(cli, { migrated: true }, (database) =>
          exportDiagnosisCsv(kernelContext(cli, database), { governanceId }),
        );
        if (file) writeAtomically(file, [csv]);
        cli.print(fr.places.diagnosis(diagnosis));
        return;
      }
    }
  },
};
