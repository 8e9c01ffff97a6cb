// Placeholder for npm scripts whose issue has not landed yet: says so plainly and fails.
const [, , script, what] = process.argv;
console.error(`npm run ${script}: not yet — ${what} has not landed. See the open issues.`);
process.exit(1);
