import * as React from 'react';
import { Typography } from '@strapi/design-system';
import { fold } from '../text';

/** The comment as plain text (React escapes it), with the words the rules matched marked. */
export const HighlightedText = ({ text, highlights }: { text: string; highlights: string[] }) => {
  const marked = new Set(highlights.flatMap((phrase) => phrase.split(/\s+/)).map(fold).filter((word) => word.length > 2));
  const parts = text.split(/([\p{L}\p{N}'’]+)/u);
  return (
    <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
      {parts.map((part, index) =>
        marked.has(fold(part)) ? (
          <mark key={index} style={{ background: '#fdf4dc', borderBottom: '2px solid #d9822f', padding: '0 1px' }}>
            {part}
          </mark>
        ) : (
          <React.Fragment key={index}>{part}</React.Fragment>
        )
      )}
    </Typography>
  );
};
