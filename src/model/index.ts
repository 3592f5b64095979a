export * from './schema';
export * from './presets';
export * from './derive';
export * from './groups';
export * from './issues';
export * from './migrations';
export * from './parse';
export * from './fixes';
