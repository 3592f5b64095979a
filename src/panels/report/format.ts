// The panel's number formats are the shared report's (src/report/format.ts).
export * from '../../report/format';
