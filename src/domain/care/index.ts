/** Care for a reader in crisis: the support shown to them in their language. Plain TypeScript, no Strapi. */
export { builtInSupportDir, chooseSupport, loadSupportFiles, type CrisisSupport, type SupportChoice, type SupportFile, type SupportResource } from './support';
