/** Where the example's ids are kept in settings, so it can be found and removed in one click. */
export const EXAMPLE_KEY = 'exampleData';
