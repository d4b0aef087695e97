// Copied unchanged (below this header) from the team's shared tools, pd-baseurl-preload.js, so the test needs
// nothing outside the repo at run time. See docs/sandbox.md, "Pointing another tool at sandbox serve".
// Preload (NODE_OPTIONS=--require) that re-points pagerduty-cli's axios at PD_BASE_URL.
// pagerduty-cli hard-codes baseURL 'https://api.pagerduty.com' in lib/pd.js; this hooks the same axios instance.
const path = require('path');
const target = process.env.PD_BASE_URL;
if (target) {
  const axiosPath = require.resolve('axios', { paths: [path.join(process.env.PD_CLI_DIR, 'node_modules', 'pagerduty-cli')] });
  const axios = require(axiosPath);
  (axios.default || axios).interceptors.request.use(c => { c.baseURL = target; return c; });
}
