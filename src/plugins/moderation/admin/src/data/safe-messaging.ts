/** What a moderator does with an urgent comment, after the Safe Messaging Guidelines (shown beside every urgent item). */
export const SAFE_MESSAGING_GUIDANCE = [
  'Reply privately, not in the thread: send the resources email below. It is warm, offers people to talk to now, and does not repeat what they wrote.',
  'Do not publish the comment. Method details, plans or goodbyes must never go live.',
  'If the comment says the danger is immediate and you know who and where the person is, call emergency services.',
  'Tell the clinician on duty what you saw and what you did.',
  'Take a moment for yourself afterwards. These comments are heavy to read.',
];
