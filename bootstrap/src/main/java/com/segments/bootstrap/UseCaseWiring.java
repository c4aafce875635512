package com.segments.bootstrap;

import com.segments.application.ActivateModel;
import com.segments.application.AuditTrail;
import com.segments.application.KeyRing;
import com.segments.application.ManageApiKeys;
import com.segments.application.ActiveModel;
import com.segments.application.AlgorithmCatalog;
import com.segments.application.CheckHealth;
import com.segments.application.CompareAlgorithms;
import com.segments.application.CompareGroups;
import com.segments.application.ComparisonJobs;
import com.segments.application.DataReader;
import com.segments.application.DescribeSegments;
import com.segments.application.DescribeVersions;
import com.segments.application.ListModels;
import com.segments.application.ModelLookup;
import com.segments.application.PredictSegment;
import com.segments.application.RecordTransactions;
import com.segments.application.RescoreCustomers;
import com.segments.application.ProjectCustomers;
import com.segments.application.RetrainModel;
import com.segments.application.LiveDrift;
import com.segments.application.RetrainTriggers;
import com.segments.application.MeasureDrift;
import com.segments.application.ScoreBatch;
import com.segments.application.SegmentNames;
import com.segments.application.ShowModel;
import com.segments.application.TrainModel;
import com.segments.application.TrainOnEngine;
import com.segments.application.TransactionsUseCases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Hands the server's beans (the REST door's controllers, the HTTP starter) the use cases of one {@link Wiring},
 * whose storage ports are the context's own. All the making is in {@link Wiring}; this class only exposes it.
 */
@Factory
class UseCaseWiring {

    @Singleton
    Wiring wiring(ApplicationContext context) {
        return new Wiring(Ports.of(context));
    }

    @Singleton
    AlgorithmCatalog algorithmCatalog(Wiring wiring) {
        return wiring.get(AlgorithmCatalog.class);
    }

    @Singleton
    DataReader dataReader(Wiring wiring) {
        return wiring.get(DataReader.class);
    }

    @Singleton
    ActiveModel activeModel(Wiring wiring) {
        return wiring.get(ActiveModel.class);
    }

    @Singleton
    ModelLookup modelLookup(Wiring wiring) {
        return wiring.get(ModelLookup.class);
    }

    @Singleton
    ActivateModel activateModel(Wiring wiring) {
        return wiring.get(ActivateModel.class);
    }

    @Singleton
    ShowModel showModel(Wiring wiring) {
        return wiring.get(ShowModel.class);
    }

    @Singleton
    TrainModel trainModel(Wiring wiring) {
        return wiring.get(TrainModel.class);
    }

    @Singleton
    TrainOnEngine trainOnEngine(Wiring wiring) {
        return wiring.get(TrainOnEngine.class);
    }

    @Singleton
    SegmentNames segmentNames(Wiring wiring) {
        return wiring.get(SegmentNames.class);
    }

    @Singleton
    DescribeSegments describeSegments(Wiring wiring) {
        return wiring.get(DescribeSegments.class);
    }

    @Singleton
    CompareGroups compareGroups(Wiring wiring) {
        return wiring.get(CompareGroups.class);
    }

    @Singleton
    ScoreBatch scoreBatch(Wiring wiring) {
        return wiring.get(ScoreBatch.class);
    }

    @Singleton
    RetrainTriggers retrainTriggers(Wiring wiring) {
        return wiring.get(RetrainTriggers.class);
    }

    @Singleton
    LiveDrift liveDrift(Wiring wiring) {
        return wiring.get(LiveDrift.class);
    }

    @Singleton
    MeasureDrift measureDrift(Wiring wiring) {
        return wiring.get(MeasureDrift.class);
    }

    @Singleton
    RecordTransactions recordTransactions(Wiring wiring) {
        return wiring.get(RecordTransactions.class);
    }

    @Singleton
    RescoreCustomers rescoreCustomers(Wiring wiring) {
        return wiring.get(RescoreCustomers.class);
    }

    @Singleton
    PredictSegment predictSegment(Wiring wiring) {
        return wiring.get(PredictSegment.class);
    }

    @Singleton
    ListModels listModels(Wiring wiring) {
        return wiring.get(ListModels.class);
    }

    @Singleton
    CompareAlgorithms compareAlgorithms(Wiring wiring) {
        return wiring.get(CompareAlgorithms.class);
    }

    /** Stops the training workers with the server; running jobs read FAILED/interrupted at the next start. */
    @Singleton
    @Bean(preDestroy = "close")
    RetrainModel retrainModel(Wiring wiring) {
        return wiring.get(RetrainModel.class);
    }

    @Singleton
    DescribeVersions describeVersions(Wiring wiring) {
        return wiring.get(DescribeVersions.class);
    }

    @Singleton
    ProjectCustomers projectCustomers(Wiring wiring) {
        return wiring.get(ProjectCustomers.class);
    }

    /** Comparisons started from the console; their worker stops with the server. */
    @Singleton
    @Bean(preDestroy = "close")
    ComparisonJobs comparisonJobs(Wiring wiring) {
        return wiring.get(ComparisonJobs.class);
    }

    @Singleton
    TransactionsUseCases transactionsUseCases(Wiring wiring) {
        return wiring.get(TransactionsUseCases.class);
    }

    @Singleton
    CheckHealth checkHealth(Wiring wiring) {
        return wiring.get(CheckHealth.class);
    }

    @Singleton
    KeyRing keyRing(Wiring wiring) {
        return wiring.get(KeyRing.class);
    }

    @Singleton
    ManageApiKeys manageApiKeys(Wiring wiring) {
        return wiring.get(ManageApiKeys.class);
    }

    @Singleton
    AuditTrail auditTrail(Wiring wiring) {
        return wiring.get(AuditTrail.class);
    }
}
