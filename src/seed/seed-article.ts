/**
 * The practice's first article, as published on its website (shared/fixtures/seed-article.txt), with its reader
 * comment. Kept verbatim, typos included: it is the live text, and editors correct it in the admin panel.
 */
export const SEED_ARTICLE = {
  title: 'What’s The Difference Between A Support Group And Group Therapy?',
  slug: 'whats-the-difference-between-a-support-group-and-group-therapy',
  excerpt:
    'Support groups and group therapy both bring together a small group of people, but they differ in structure, ' +
    'length and who leads them. Here is how to tell which fits your situation.',
  authorName: 'The practice',
  body: [
    'As you consider the options available for improving your mental and emotional well-being, you’ve likely come across support groups and group therapy sessions. Sure, they both involve a small group of people, but what’s they difference? Which one would be a better option for your situation?',
    '## Support Groups',
    'Typically a support group is made up of people who are all working through a similar mental or emotional health situation, such as grieving a loved one, substance abuse (their own or a loved one’s), depression and so on. These groups usually meet regularly, maybe once a week or twice a month, and have an ongoing schedule. They are usually facilitated by mental health professional, but not guided through a particular program. The mental health professional might suggest additional, individual treatments which would happen outside of the group.',
    '## Group Therapy',
    'Group therapy is also centered around a group of people experiencing similar situations, but this treatment option is more structured than a support group. These sessions often have a fixed timeframe, say meeting once a week for 6-8 weeks. The therapist leading the sessions will offer guided programs as the group works through the issues together. Group therapies often are centered around mental health issues many people struggle with, such as depression or grief.',
    '## Support Group and Group Therapy Similarities',
    'Both of these options provide a safe place for you to explore your thoughts and feelings. Doing so with others in a similar situation will often provide reassurance and encouragement beyond what a one-on-one session with a therapist can do. There’s something about hearing other people’s stories as they go through a situation you might be experiencing which helps us all feel stronger and more hopeful.',
    'For more information about our group therapy and support group options, check our [SERVICES page](/services) often. You can also ask your counselor and our front office staff for information on any [upcoming programs](/api/group-programs/upcoming).',
  ].join('\n\n'),
  seo: {
    metaTitle: 'Support group or group therapy: what’s the difference?',
    metaDescription:
      'Support groups are ongoing and facilitated; group therapy is structured, time-boxed and therapist-led. Which fits you?',
  },
};

/** The one reader comment the article received: generic praise of the kind spam bots post. */
export const SEED_COMMENT = {
  authorName: 'Denny V. Smith',
  authorEmail: 'denny.v.smith@example.com',
  body: 'Insightful comparison! Highlights support vs therapy in mental health guidance.',
};
