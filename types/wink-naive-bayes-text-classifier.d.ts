/** The parts of wink-naive-bayes-text-classifier this project uses (the package ships no types). */
declare module 'wink-naive-bayes-text-classifier' {
  interface NaiveBayesTextClassifier {
    defineConfig(config: { considerOnlyPresence?: boolean; smoothingFactor?: number }): boolean;
    definePrepTasks(tasks: Array<(input: string) => string[]>): number;
    learn(input: string, label: string): boolean;
    consolidate(): boolean;
    /** log2 odds of every label, highest first; `[['unknown', 0]]` when no token of the input was ever seen. */
    computeOdds(input: string): Array<[string, number]>;
    exportJSON(): string;
    importJSON(json: string): boolean;
    reset(): boolean;
  }
  function createClassifier(): NaiveBayesTextClassifier;
  export = createClassifier;
}
