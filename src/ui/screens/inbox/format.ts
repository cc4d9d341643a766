export { formatBytes as formatSize } from '../../format';
