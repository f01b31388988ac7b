// Telephony numbers managed as code: phone numbers, voice connectors, voice connector groups and SMS opt-out lists.
package numberplane
