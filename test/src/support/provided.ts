/** What the run's global setup (functions/src/testing/global-setup.ts) provides to every suite. */
declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

export {};
