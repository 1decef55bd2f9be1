package com.example.deals;

/** Where a deal stands in the sales pipeline; WON and LOST close it. */
public enum DealStage {
    LEAD, QUALIFIED, PROPOSAL, NEGOTIATION, WON, LOST
}
