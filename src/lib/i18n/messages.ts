// Every string the UI shows, in English and Spanish (en.ts, es.ts), kept in step by their type
// and by translate.test.ts.
export { en, type MessageKey, type Messages } from './en';
export { es } from './es';
