module.exports = require('numberplane').inventoryProgram;
