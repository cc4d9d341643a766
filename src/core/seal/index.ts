export { type OpenWith, openStream, type SealFor, sealStream } from './age';
export {
  type AgeIdentity,
  generateAgeIdentity,
  identityFileText,
  parseIdentities,
  parseRecipients,
  recipientOfIdentityFile,
} from './identity';
