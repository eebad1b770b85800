//! The period rules, one table per indicator kind.
