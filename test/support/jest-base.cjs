/** What every Jest project of kam-sheets shares (jest.config.cjs, jest.all.config.cjs). */
module.exports = {
  testEnvironment: '<rootDir>/test/support/zone-environment.cjs',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // ts-jest only transpiles (isolatedModules): type checking is done once by `npm run typecheck`.
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
};
