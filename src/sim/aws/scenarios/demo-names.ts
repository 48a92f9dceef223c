// The demo company's AWS names, for the app's demo workspace and for tests.

/** The account's one GitHub connection: both GitHub-sourced pipelines read through it. */
const githubConnectionArn = 'arn:aws:codeconnections:us-east-1:111122223333:connection/7d1b0f5e-demo';

export const demoAws = {
  company: 'Acme Rockets',
  account: '111122223333',
  region: 'us-east-1',
  projectTag: 'starboard:project',
  storefront: {
    project: 'storefront',
    pipeline: 'storefront-pipeline',
    connectionArn: githubConnectionArn,
    fullRepositoryId: 'acme-rockets/storefront',
    buildProject: 'storefront-build',
    approvalStage: 'Approval',
    approvalAction: 'ApproveProduction',
    approvalCustomData: 'Check https://staging.storefront.example before shipping',
    approvalLink: 'https://staging.storefront.example',
    deployApplication: 'storefront',
    deploymentGroup: 'storefront-prod',
    /** Deployed by hand (never by the pipeline); its latest deployment fails ValidateService on its second instance. */
    stagingGroup: 'storefront-staging',
    stagingInstances: 3,
  },
  paymentsApi: {
    project: 'payments-api',
    repository: 'payments-api',
    pipeline: 'payments-api-pipeline',
    buildProject: 'payments-api-build',
    beanstalkApplication: 'payments-api',
    environment: 'payments-api-prod',
    failingTest: 'refunds > rejects a refund larger than the original charge',
    /** What `npm test` of payments-api counts besides the failing test (its log and its test report agree). */
    passingTests: 57,
    skippedTests: 2,
    reportGroup: 'payments-api-build-test-results',
    /**
     * A secret kept as a PLAINTEXT build variable, as real projects too often do: AWS returns
     * the value in the clear, and Starboard must never show or log it (RELIABILITY A15).
     */
    plaintextSecret: { name: 'DATABASE_PASSWORD', value: 'sb-canary-3f9a61d2-plaintext-never-shown' },
    artifactDomain: 'acme',
    artifactRepository: 'internal',
  },
  mobileBackend: {
    project: 'mobile-backend',
    buildProject: 'mobile-backend-integration',
    githubRepository: 'acme-rockets/mobile-backend',
    connectionArn: githubConnectionArn,
    /** Builds the image, updates the staging stack, rolls the image out to production on ECS. */
    pipeline: 'mobile-backend-infra',
    imageBuildProject: 'mobile-backend-image',
    /** Its latest update failed on the push queue and rolled back (UPDATE_ROLLBACK_COMPLETE). */
    stagingStack: 'mobile-backend-staging',
    failingResource: 'PushQueue',
    cancelledResource: 'ApiService',
    cluster: 'mobile-prod',
    /** Healthy: every task running, the last rollout COMPLETED. */
    service: 'mobile-backend-prod',
    serviceTasks: 3,
  },
  /** The code the demo's MFA device shows (AssumeRole with SerialNumber accepts it). */
  mfaCode: '123456',
  /** An access key id that always gets ExpiredTokenException in the `faults` scenario. */
  expiredAccessKeyId: 'AKIAEXPIREDEXAMPLE1',
} as const;
