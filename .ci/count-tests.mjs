// Sums vitest's JSON reports (every test-results*.json of every package: test-results.json, and
// test-results.postgres.json where a suite also ran on PostgreSQL) into the closing line
// "N passed, N failed". Exits non-zero when a test failed or when no test ran at all.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function* reports(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* reports(path);
    else if (/^test-results(\.[\w-]+)?\.json$/.test(name)) yield path;
  }
}

let passed = 0;
let failed = 0;
let files = 0;
// Storage tests name their dialect: show that the PostgreSQL ones ran (never silently skipped).
const postgres = {};
for (const path of reports(process.cwd())) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  // A whole suite run on PostgreSQL (MAILLE_TEST_DIALECT=postgres) names it in its report's file.
  const wholeRunOnPostgres = path.endsWith('.postgres.json');
  passed += report.numPassedTests ?? 0;
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (wholeRunOnPostgres || /postgres/i.test(test.fullName ?? ''))
        postgres[test.status] = (postgres[test.status] ?? 0) + 1;
    }
  }
  const failedTests = report.numFailedTests ?? 0;
  // A test file that fails to load has no failed test, only a failed suite: count it too.
  failed += failedTests > 0 ? failedTests : (report.numFailedTestSuites ?? 0);
  files += 1;
}
console.log(`${files} rapports de test lus.`);
console.log(
  `Tests sur PostgreSQL : ${postgres.passed ?? 0} réussis, ${postgres.failed ?? 0} en échec.`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
