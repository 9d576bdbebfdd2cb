//! Builds a checked family member from call arguments (to be written).

use super::{Family, FamilySpec, Param, ParamError};

/// One argument of a family call.
#[derive(Clone, Debug)]
pub struct Argument {
    /// The keyword, for `sd=2`.
    pub keyword: Option<String>,
    /// The value.
    pub value: Param,
}

/// Why a call does not make a family member.
#[derive(Clone, Debug, PartialEq)]
pub enum BuildError {
    /// Wrong arguments.
    Arguments {
        /// What is wrong.
        message: String,
        /// Which argument is at fault.
        argument: Option<usize>,
    },
    /// A parameter breaks its constraint.
    Parameter(ParamError),
}

/// Matches arguments to parameters and checks them.
pub fn build(spec: &'static FamilySpec, arguments: Vec<Argument>) -> Result<Family, BuildError> {
    let _ = arguments;
    Err(BuildError::Arguments {
        message: format!("{} is not built yet", spec.display),
        argument: None,
    })
}
