/** Jest runs TypeScript through SWC (fast); `npm test` type-checks with tsc first. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2020' } }] },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // A hang guard, not a speed assertion: tests that start real processes or builds on a busy
  // 2-core CI machine can exceed jest's 5 s default.
  testTimeout: 60_000,
};
