import { Flex, Typography } from '@strapi/design-system';
import { languageName, type QueueItem, type WeightedWord } from '../api';

const pushing = (words: WeightedWord[]) => words.filter((entry) => entry.weight > 0).map((entry) => entry.word);
/** Every word with its weight, for the title (hover). */
const weights = (words: WeightedWord[]) => words.map((entry) => `${entry.word} (${entry.weight > 0 ? '+' : ''}${entry.weight})`).join(', ');

/**
 * What the learned models and the language detection made of the comment, and the words behind each score (for the
 * crisis risk only when a crisis flag was raised; every weight is in the title).
 */
export const Scores = ({ item }: { item: QueueItem }) => {
  const crisisWords = pushing(item.crisisWords);
  const spamWords = pushing(item.spamWords);
  const crisisFlagged = item.flags.some((flag) => flag.kind === 'crisis');
  const language = languageName(item.language);
  return (
    <Flex direction="column" alignItems="flex-end" gap={1} data-testid="scores">
      {item.crisisRisk !== null && (
        <Typography variant="pi" textColor={crisisFlagged ? 'danger600' : 'neutral600'} title={weights(item.crisisWords)} data-testid="crisis-risk">
          Crisis risk {item.crisisRisk.toFixed(2)}
          {crisisFlagged && crisisWords.length > 0 && `, because of: ${crisisWords.join(', ')}`}
        </Typography>
      )}
      {item.spamScore !== null && (
        <Typography variant="pi" textColor="neutral600" title={weights(item.spamWords)}>
          spam score {Math.round(item.spamScore * 100)}%{spamWords.length > 0 && `, because of: ${spamWords.join(', ')}`}
        </Typography>
      )}
      {item.language !== null && (
        <Typography variant="pi" textColor="neutral600" data-testid="language">
          {language ? `Written in ${language}` : 'Language could not be told'}
        </Typography>
      )}
    </Flex>
  );
};
