import schema from './moderation-event/schema.json';

export default {
  'moderation-event': { schema },
};
