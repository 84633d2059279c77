export {
  isAllowedImageSrc,
  isAllowedLinkHref,
  isHttpsUrl,
  parseVideoUrl,
  type VideoReference,
} from './urls.js';
