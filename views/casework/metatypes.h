#pragma once
// Core value types that travel through Qt signals (queued connections, spies).
#include <QMetaType>

#include "core/imaging/enhancement_step.h"
#include "core/model/case.h"
#include "core/model/feature_set.h"

Q_DECLARE_METATYPE(ridgeline::Conclusion)
Q_DECLARE_METATYPE(ridgeline::FeatureSet)
Q_DECLARE_METATYPE(ridgeline::imaging::Enhancement)
