// The inventory program as a user's project uses it.
module.exports = require('numberplane').inventoryProgram;
