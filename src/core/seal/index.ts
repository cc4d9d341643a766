export {
  checkSealFor,
  type OpenWith,
  openStream,
  type SealFor,
  sealStream,
  withErrorsMapped,
} from './age';
export {
  type AgeIdentity,
  generateAgeIdentity,
  identityFileText,
  parseIdentities,
  parseRecipients,
  recipientOfIdentityFile,
} from './identity';
