import { createPublicReadController } from '#app/utils/public-controller';

export default createPublicReadController('api::topic.topic', { defaultPopulate: {} });
