import { createPublicReadController } from '../../../utils/public-controller';

export default createPublicReadController('api::topic.topic', { defaultPopulate: {} });
